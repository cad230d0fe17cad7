/**
 * Fake credentials shaped like real ones, shared by the plaintext-secret tests and the redaction test. None of
 * them is live; they only match the formats of rules/secret-patterns.yaml.
 */
export const SAMPLES = {
  password: 'Xk9#mQ2$vL7pR4tZ',
  githubToken: 'ghp_R4nd0mL00k1ngT0k3nV4lu3F0rT3st1ng012',
  awsKeyId: 'AKIAIOSFODNN7ABCDEFG',
  slackToken: 'xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaGFydGxpbnQtdGVzdCJ9.c2lnbmF0dXJlLW5vdC1yZWFs',
  urlPassword: 'S3cr3tPassw0rd',
  apiToken: 'tK7pW2qZ9rX4vB8nM1',
  secretData: 'Zq8LmP2xR7vK4nW1aB5c',
  dockerPassword: 'R3gistryPa55word!',
  customToken: 'acme_live_9f8e7d6c5b4a39281706',
  privateKeyBody:
    'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ',
} as const;

/** A PEM private key block made of the fake body (not a valid key). */
export const PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\n${SAMPLES.privateKeyBody}\n-----END RSA PRIVATE KEY-----`;
