/** Passwords are kept as scrypt hashes with their own salt and parameters, never in clear. */
import { hashSecret, newRecoveryCode, normaliseCode, SCRYPT, verifySecret } from '../../src/main/accounts/password';

describe('password hashes', () => {
  it('keep the parameters and a salt beside the hash, never the password', async () => {
    const h = await hashSecret('correct horse battery');
    expect(h).toMatch(new RegExp(`^scrypt\\$${SCRYPT.N}\\$${SCRYPT.r}\\$${SCRYPT.p}\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
    expect(h).not.toContain('correct');
    // A fresh salt each time: the same password hashes differently.
    expect(await hashSecret('correct horse battery')).not.toBe(h);
  });

  it('verify the right password only', async () => {
    const h = await hashSecret('گذرواژهٔ من ۱۲۳');
    expect(await verifySecret('گذرواژهٔ من ۱۲۳', h)).toBe(true);
    expect(await verifySecret('گذرواژهٔ من ۱۲۴', h)).toBe(false);
    expect(await verifySecret('', h)).toBe(false);
  });

  it('read a hash made with other parameters (they are stored per hash)', async () => {
    const weak = await hashSecret('older one', { N: 1 << 10, r: 8, p: 1 });
    expect(weak).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifySecret('older one', weak)).toBe(true);
  });

  it('refuse a stored value that is not one of ours, without throwing', async () => {
    for (const junk of ['', 'plain-password', 'scrypt$3$8$1$AAAA$AAAA', 'scrypt$1048576000$8$1$AAAA$AAAA', 'scrypt$1024$8$1$!!$AAAA']) {
      expect(await verifySecret('plain-password', junk)).toBe(false);
    }
  });

  it('recovery codes are 25 letters and digits without look-alikes, read back in any case and spacing', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([A-HJKMNP-Z2-9]{5}-){4}[A-HJKMNP-Z2-9]{5}$/);
    expect(normaliseCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code.replace(/-/g, ''));
    expect(newRecoveryCode()).not.toBe(code);
  });
});
