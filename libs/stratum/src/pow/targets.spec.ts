import { parseStratumLine } from '../protocol/stratum-message.parser';
import { type StratumParseError } from '../protocol/stratum-parse.error';
import { explorerToStratumPrevhash } from '../testing/stratum-lines';
import { prevhashToHeaderOrder, toExplorerHex } from './header';
import { DIFFICULTY_ONE_TARGET, difficultyFromNbits, targetForDifficulty, targetFromNbits } from './targets';
import { rollVersion } from './version-rolling';

describe('published stratum and PoW facts', () => {
  it('difficulty 1 is target 0x00000000FFFF0000…0000, which nbits 0x1d00ffff also encodes', () => {
    expect(DIFFICULTY_ONE_TARGET.toString(16).padStart(64, '0')).toBe(`00000000ffff${'0'.repeat(52)}`);
    expect(targetFromNbits(0x1d00ffff)).toBe(DIFFICULTY_ONE_TARGET);
    expect(targetFromNbits(0x1b0404cb).toString(16).padStart(64, '0')).toBe(`00000000000404cb${'0'.repeat(48)}`);
  });

  it("gives block 100,000's published difficulty from its nbits", () => {
    expect(difficultyFromNbits(0x1b04864c)).toBeCloseTo(14484.1623612254, 6);
  });

  it('computes targets of fractional difficulties exactly', () => {
    expect(targetForDifficulty(2 ** -22)).toBe(DIFFICULTY_ONE_TARGET << 22n);
    expect(targetForDifficulty(0.5)).toBe(DIFFICULTY_ONE_TARGET * 2n);
    expect(targetForDifficulty(3)).toBe(DIFFICULTY_ONE_TARGET / 3n);
    expect(targetForDifficulty(0.1)).toBe((DIFFICULTY_ONE_TARGET * 2n ** 56n) / 7205759403792794n); // 0.1 as a double
  });

  it('undoes the per-word byte swap of the notify prevhash', () => {
    const explorer = '000000000002d01c1fccc21636b607dfd930d31d01c3a62104612a1719011250';
    const stratum = explorerToStratumPrevhash(explorer);
    expect(stratum).toBe('1901125004612a1701c3a621d930d31d36b607df1fccc2160002d01c00000000');
    expect(toExplorerHex(prevhashToHeaderOrder(Buffer.from(stratum, 'hex')))).toBe(explorer);
  });

  it('rolls versions under the mask', () => {
    expect(rollVersion(0x20000000, 0x0e596000, 0x1fffe000)).toBe(0x2e596000);
    expect(rollVersion(0x20000000, 0xffffffff, 0x1fffe000)).toBe(0x3fffe000);
  });

  it("parses slush's documented mining.notify and names bad fields", () => {
    const notify =
      '{"params": ["bf", "4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000", "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff20020862062f503253482f04b8864e5008", "072f736c7573682f000000000100f2052a010000001976a914d23fcdf86f7e756a64a7a9688ef9903327048ed988ac00000000", [], "00000002", "1c2ac4af", "504e86b9", false], "id": null, "method": "mining.notify"}';
    const message = parseStratumLine(notify);
    expect(message).toMatchObject({
      kind: 'notify',
      job: { jobId: 'bf', version: 2, nbits: 0x1c2ac4af, ntime: 0x504e86b9, cleanJobs: false },
    });
    const field = (line: string) => {
      try {
        parseStratumLine(line);
      } catch (error) {
        return (error as StratumParseError).field;
      }
      return 'no error';
    };
    expect(field('{"id":1,"method":"mining.submit","params":["w","j","zz","504e86b9","00000000"]}')).toBe(
      'extranonce2',
    );
    expect(field('{"id":1,"method":"mining.submit","params":["w","j","00","504e86b","00000000"]}')).toBe('ntime');
    expect(field('{"id":1,"method":"mining.set_difficulty","params":[-1]}')).toBe('difficulty');
    expect(field(notify.replace('"00000002"', '2'))).toBe('version');
    expect(field('{not json')).toBe('line');
  });
});
