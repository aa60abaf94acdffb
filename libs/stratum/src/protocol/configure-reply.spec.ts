import { configureReply } from './configure-reply';

describe('configureReply (BIP 310)', () => {
  it('grants version rolling with the offered mask ∩ the miner’s and declines other extensions', () => {
    expect(
      configureReply(['version-rolling', 'minimum-difficulty'], { 'version-rolling.mask': '00fff000' }, 0x1fffe000),
    ).toEqual({
      reply: { 'version-rolling': true, 'version-rolling.mask': '00ffe000', 'minimum-difficulty': false },
      mask: 0x00ffe000,
    });
  });

  it('offers the whole mask to a miner that names none, and nothing to a miner that did not ask', () => {
    expect(configureReply(['version-rolling'], {}, 0x1fffe000).mask).toBe(0x1fffe000);
    expect(configureReply(['minimum-difficulty'], {}, 0x1fffe000)).toEqual({
      reply: { 'minimum-difficulty': false },
      mask: null,
    });
  });
});
