import { PasswordHasher } from './password-hasher';

const unpadded = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

describe('PasswordHasher (scrypt)', () => {
  const hasher = new PasswordHasher();

  it('verifies the RFC 7914 §12 test vector (password/NaCl, N=1024, r=8, p=16)', async () => {
    const derived =
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
      '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640';
    const stored = `$scrypt$ln=10,r=8,p=16$${unpadded(Buffer.from('NaCl'))}$${unpadded(Buffer.from(derived, 'hex'))}`;
    await expect(hasher.verify('password', stored)).resolves.toBe(true);
    await expect(hasher.verify('Password', stored)).resolves.toBe(false);
  });

  it('round-trips with the documented cost, a fresh salt each time, and refuses a wrong password', async () => {
    const first = await hasher.hash('correct horse battery staple');
    const second = await hasher.hash('correct horse battery staple');
    expect(first).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    await expect(hasher.verify('correct horse battery staple', first)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery staplf', first)).resolves.toBe(false);
  });

  it('treats composed and decomposed forms of the same password alike', async () => {
    const stored = await hasher.hash('caf\u00e9-au-lait-2025');
    await expect(hasher.verify('cafe\u0301-au-lait-2025', stored)).resolves.toBe(true);
  });

  it('refuses malformed hashes and implausible costs without deriving anything', async () => {
    const valid = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify('x', 'plaintext')).resolves.toBe(false);
    await expect(hasher.verify('x', valid.replace('ln=15', 'ln=30'))).resolves.toBe(false);
    await expect(hasher.verify('x', valid.replace('$scrypt$', '$argon2id$'))).resolves.toBe(false);
  });

  it('spends a real verification on unknown accounts and always fails them', async () => {
    await expect(hasher.verifyDecoy('correct horse battery staple')).resolves.toBe(false);
  });
});
