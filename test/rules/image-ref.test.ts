import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isImageReferenceError, parseImageReference } from '../../src/manifests/image-ref.js';

const DIGEST = 'sha256:' + '0123456789abcdef'.repeat(4);

describe('parseImageReference', () => {
  it.each([
    ['nginx', { domain: 'docker.io', name: 'docker.io/library/nginx', path: 'nginx' }],
    ['nginx:1.25', { name: 'docker.io/library/nginx', tag: '1.25' }],
    ['library/nginx:1', { name: 'docker.io/library/nginx', tag: '1' }],
    ['org/app:v1', { name: 'docker.io/org/app', explicitDomain: false }],
    ['localhost:5000/app', { domain: 'localhost:5000', name: 'localhost:5000/app', explicitDomain: true }],
    ['localhost/app:2', { domain: 'localhost', tag: '2' }],
    [
      'registry.example.com:443/a/b/c:1.0.0',
      { domain: 'registry.example.com:443', path: 'a/b/c', tag: '1.0.0' },
    ],
    ['index.docker.io/library/redis:7', { domain: 'docker.io', name: 'docker.io/library/redis' }],
    [`nginx@${DIGEST}`, { digest: DIGEST }],
    [`nginx:latest@${DIGEST}`, { tag: 'latest', digest: DIGEST }],
    ['[::1]:5000/app:1', { domain: '[::1]:5000', tag: '1' }],
    ['a__b/c--d.e_f:T_a.g-1', { path: 'a__b/c--d.e_f', tag: 'T_a.g-1' }],
  ])('parses %s', (text, expected) => {
    const ref = parseImageReference(text);
    expect(isImageReferenceError(ref)).toBe(false);
    expect(ref).toMatchObject(expected);
  });

  it.each([
    ['', 'empty'],
    ['Nginx', 'repository path'],
    ['nginx:', 'tag'],
    ['nginx:-x', 'tag'],
    ['nginx@sha256:abc', 'digest'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'digest'],
    ['host:port/app', 'registry host'],
    ['a//b', 'repository path'],
    ['a b', 'white space'],
    ['app:' + 'x'.repeat(129), 'tag'],
  ])('rejects %j', (text, reason) => {
    const ref = parseImageReference(text);
    expect(isImageReferenceError(ref) && ref.error).toContain(reason);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'aZ0:/@._-[] '.split('')), maxLength: 40 }),
        (text) => {
          const ref = parseImageReference(text);
          expect(isImageReferenceError(ref) ? typeof ref.error : typeof ref.name).toBe('string');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips generated valid references', () => {
    const component = fc.stringMatching(/^[a-z0-9]{1,6}(?:[_-][a-z0-9]{1,4})?$/);
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom('ghcr.io', 'localhost:5000', 'reg.example.com:8443')),
        fc.array(component, { minLength: 1, maxLength: 3 }),
        fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/)),
        (domain, parts, tag) => {
          const text = `${domain ? `${domain}/` : ''}${parts.join('/')}${tag ? `:${tag}` : ''}`;
          const ref = parseImageReference(text);
          expect(isImageReferenceError(ref)).toBe(false);
          if (!isImageReferenceError(ref)) {
            expect(ref.tag).toBe(tag ?? undefined);
            expect(ref.path).toBe(parts.join('/'));
          }
        },
      ),
    );
  });
});
