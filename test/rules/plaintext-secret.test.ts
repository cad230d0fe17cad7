import { describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../src/render/types.js';
import { rule } from '../../src/rules/plaintext-secret.js';
import { shannonEntropy, wordsOf } from '../../src/rules/secrets/detect.js';
import { PRIVATE_KEY, SAMPLES } from './secret-samples.js';
import {
  chartFrom,
  expectReports,
  manifestsFrom,
  manifestsFromDocuments,
  runRule,
  type Expected,
  type RunInput,
} from './tester.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function secret(data: Record<string, string>, extra = ''): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${extra}data:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: ${v}\n`)
    .join('')}`;
}

const DOCKER_SECRET = secret(
  {
    '.dockerconfigjson': b64(
      JSON.stringify({ auths: { 'registry.example.com': { auth: b64(`ci:${SAMPLES.dockerPassword}`) } } }),
    ),
  },
  'type: kubernetes.io/dockerconfigjson\n',
);

interface Case {
  name: string;
  files?: Record<string, string>;
  yaml?: string;
  documents?: RenderedDocument[];
  input?: Partial<RunInput<Record<string, unknown>>>;
  expected: Expected[];
}

const invalid: Case[] = [
  {
    name: 'password in values.yaml',
    files: { 'values.yaml': `db:\n  password: "${SAMPLES.password}"\n` },
    expected: [
      {
        messageId: 'keyword',
        line: 2,
        column: 13,
        file: 'chart/values.yaml',
        contains: '[redacted, 16 chars]',
      },
    ],
  },
  {
    name: 'GitHub token under an innocent key',
    files: { 'values.yaml': `notes: ${SAMPLES.githubToken}\n` },
    expected: [
      {
        messageId: 'known-format',
        line: 1,
        column: 8,
        contains: 'a GitHub token (ghp_…[redacted, 40 chars])',
      },
    ],
  },
  {
    name: 'AWS access key id under an *Id key',
    files: { 'values.yaml': `aws:\n  accessKeyId: ${SAMPLES.awsKeyId}\n` },
    expected: [{ messageId: 'known-format', line: 2, column: 16 }],
  },
  {
    name: 'PEM private key in a block scalar',
    files: { 'values.yaml': `tls:\n  key: |\n    ${PRIVATE_KEY.split('\n').join('\n    ')}\n` },
    expected: [{ messageId: 'private-key', line: 2, column: 8 }],
  },
  {
    name: 'URL with a password',
    files: { 'values.yaml': `externalDatabase:\n  url: postgres://app:${SAMPLES.urlPassword}@db:5432/app\n` },
    expected: [{ messageId: 'url-password', line: 2, column: 8 }],
  },
  {
    name: "an environment's values file inside the chart",
    files: { 'values-prod.yaml': `redis:\n  auth:\n    password: ${SAMPLES.password}\n` },
    input: { environment: { name: 'prod', valuesFiles: ['chart/values-prod.yaml'] } },
    expected: [{ messageId: 'keyword', line: 3, column: 15, file: 'chart/values-prod.yaml' }],
  },
  {
    name: 'env-style list in values',
    files: { 'values.yaml': `extraEnv:\n  - name: API_TOKEN\n    value: ${SAMPLES.apiToken}\n` },
    expected: [{ messageId: 'keyword', line: 3, column: 12 }],
  },
  {
    name: 'literal Secret data in a template (base64-decoded)',
    files: { 'templates/test.yaml': secret({ token: b64(SAMPLES.secretData) }) },
    yaml: secret({ token: b64(SAMPLES.secretData) }),
    expected: [
      {
        messageId: 'keyword',
        line: 6,
        column: 10,
        file: 'chart/templates/test.yaml',
        contains: 'Secret data key "token"',
      },
    ],
  },
  {
    name: 'Slack token in stringData',
    files: { 'templates/test.yaml': `kind: Secret\nstringData:\n  slack: ${SAMPLES.slackToken}\n` },
    yaml: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  slack: ${SAMPLES.slackToken}\n`,
    expected: [{ messageId: 'known-format', line: 6, column: 10 }],
  },
  {
    name: 'credential URL in a ConfigMap',
    files: { 'templates/test.yaml': `DATABASE_URL: mysql://root:${SAMPLES.urlPassword}@mysql/db\n` },
    yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  DATABASE_URL: mysql://root:${SAMPLES.urlPassword}@mysql/db\n`,
    expected: [{ messageId: 'url-password', line: 6, column: 17, contains: 'ConfigMap key "DATABASE_URL"' }],
  },
  {
    name: 'container env value with a secret-like name',
    files: { 'templates/test.yaml': `value: ${SAMPLES.apiToken}\n` },
    yaml: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: API_TOKEN\n              value: ${SAMPLES.apiToken}\n`,
    expected: [
      {
        messageId: 'keyword',
        line: 12,
        column: 22,
        contains: 'Environment variable API_TOKEN of container "app"',
      },
    ],
  },
  {
    name: 'docker registry auth',
    files: { 'templates/test.yaml': DOCKER_SECRET },
    yaml: DOCKER_SECRET,
    expected: [{ messageId: 'docker-auth', line: 7, column: 22, contains: 'for registry.example.com' }],
  },
  {
    name: 'TLS Secret with a literal private key',
    files: { 'templates/test.yaml': `tls.key: ${b64(PRIVATE_KEY)}\n` },
    yaml: secret({ 'tls.crt': b64('not a key'), 'tls.key': b64(PRIVATE_KEY) }, 'type: kubernetes.io/tls\n'),
    expected: [{ messageId: 'private-key', line: 8, column: 12 }],
  },
  {
    name: 'JWT in values',
    files: { 'values.yaml': `session: ${SAMPLES.jwt}\n` },
    expected: [{ messageId: 'known-format', line: 1, column: 10, contains: 'a JSON Web Token' }],
  },
  {
    name: 'a user-defined format',
    files: { 'values.yaml': `acme: ${SAMPLES.customToken}\n` },
    input: {
      options: {
        patterns: [
          { id: 'acme-token', description: 'an Acme token', regex: '\\b(acme_live_[0-9a-f]{20})\\b' },
        ],
      },
    },
    expected: [{ messageId: 'known-format', line: 1, column: 7, contains: 'an Acme token' }],
  },
  {
    name: 'a known format next to existingSecret is still reported',
    files: {
      'values.yaml': `auth:\n  existingSecret: app\n  password: ${SAMPLES.password}\n  token: ${SAMPLES.githubToken}\n`,
    },
    expected: [{ messageId: 'known-format', line: 4, column: 10 }],
  },
  {
    name: 'a values secret that ends up in a Secret is reported once, at the values line',
    files: {
      'values.yaml': `db:\n  password: "${SAMPLES.password}"\n`,
      'templates/test.yaml': 'password: {{ .Values.db.password | b64enc }}\n',
    },
    yaml: secret({ password: b64(SAMPLES.password) }),
    expected: [{ messageId: 'keyword', line: 2, column: 13, file: 'chart/values.yaml' }],
  },
];

const generatedTemplate =
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: {{ randAlphaNum 20 | b64enc }}\n';

const valid: Case[] = (
  [
    {
      name: 'placeholders',
      files: {
        'values.yaml':
          'a:\n  password: changeme\nb:\n  password: "<password>"\nc:\n  token: REPLACE_ME\nd:\n  apiKey: xxxxxxxxxxxxxxxx\n',
      },
    },
    {
      name: 'empty values and booleans',
      files: { 'values.yaml': 'auth:\n  password: ""\n  token: ~\n  secret: true\n' },
    },
    {
      name: 'key-name fields',
      files: {
        'values.yaml':
          'auth:\n  existingSecretPasswordKey: redis-password\n  adminPasswordKey: admin-password\n  secretName: my-tls-secret\n  tokenTTL: 3600s\n',
      },
    },
    {
      name: 'references',
      files: {
        'values.yaml':
          'db:\n  password: "{{ .Values.global.dbPassword }}"\n  token: ${DB_TOKEN}\n  secret: $(API_SECRET)\n  passwordFile: /run/secrets/db-password\n',
      },
    },
    {
      name: 'SOPS-encrypted values file',
      files: {
        'values.yaml':
          'db:\n  password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]\nsops:\n  version: 3.8.1\n',
      },
    },
    {
      name: 'sealed values',
      files: { 'values.yaml': `encryptedData:\n  password: AgB${'x7Kp'.repeat(30)}\n` },
    },
    {
      name: 'AWS documentation example key',
      files: { 'values.yaml': 'aws:\n  accessKeyId: AKIAIOSFODNN7EXAMPLE\n' },
    },
    {
      name: 'short and low-entropy values',
      files: {
        'values.yaml': 'a:\n  password: hunter\nb:\n  password: aaaaaaaabbbb\nc:\n  token: abcdefghijkl\n',
      },
    },
    {
      name: 'a generated Secret value (helm renderer: not in any source)',
      files: { 'templates/test.yaml': generatedTemplate },
      yaml: secret({ password: b64(SAMPLES.secretData) }),
    },
    {
      name: 'a generated Secret value (source map: the template line calls randAlphaNum)',
      files: { 'templates/test.yaml': generatedTemplate },
      documents: (() => {
        const text = secret({ password: b64(SAMPLES.secretData) });
        const start = text.indexOf('password: ') + 'password: '.length;
        return [
          {
            source: 'chart/templates/test.yaml',
            text,
            role: 'manifest' as const,
            spans: [
              {
                start,
                end: text.length - 1,
                template: 'chart/templates/test.yaml',
                templateOffset: generatedTemplate.indexOf('{{'),
              },
            ],
          },
        ];
      })(),
    },
    {
      name: 'ConfigMap and env values that are not credentials',
      files: { 'templates/test.yaml': 'x' },
      yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  LOG_LEVEL: debug\n  url: https://example.com/path\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      env:\n        - name: PASSWORD_FILE\n          value: /run/secrets/pw\n        - name: TOKEN_PATH\n          value: Zq8LmP2xR7vK4nW1aB5c\n`,
    },
    {
      name: 'SealedSecret and ExternalSecret objects are not scanned',
      files: { 'templates/test.yaml': 'x' },
      yaml: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: s\nspec:\n  encryptedData:\n    password: ${SAMPLES.secretData}\n`,
    },
    {
      name: 'an unused password next to existingSecret',
      files: { 'values.yaml': `auth:\n  existingSecret: app-db\n  password: ${SAMPLES.password}\n` },
    },
  ] as Omit<Case, 'expected'>[]
).map((c) => ({ ...c, expected: [] }));

async function run(c: Case) {
  const manifests = c.documents ? manifestsFromDocuments(c.documents) : c.yaml ? manifestsFrom(c.yaml) : [];
  return runRule(rule, {
    chart: await chartFrom(c.files ?? {}),
    manifests,
    ...(c.input as RunInput<unknown>),
  });
}

describe('plaintext-secret', () => {
  it.each(invalid)('reports $name', async (c) => expectReports(rule.id, await run(c), c.expected));
  it.each(valid)('accepts $name', async (c) => expectReports(rule.id, await run(c), []));

  it('never puts a secret in a message, and discriminates by hash', async () => {
    for (const c of invalid) {
      for (const r of await run(c)) {
        for (const value of Object.values(SAMPLES)) expect(r.message).not.toContain(value);
        expect(r.report.discriminator).toMatch(/^[a-z-]+:[0-9a-f]{16}$/);
      }
    }
  });

  it('splits key words and measures entropy', () => {
    expect(wordsOf('existingSecretPasswordKey')).toEqual(['existing', 'secret', 'password', 'key']);
    expect(wordsOf('DB_PASSWORD')).toEqual(['db', 'password']);
    expect(wordsOf('apiKey')).toEqual(['api', 'key']);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
