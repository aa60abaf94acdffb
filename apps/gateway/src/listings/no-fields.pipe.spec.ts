import { ZodValidationException } from 'nestjs-zod';
import { NoFieldsPipe } from './no-fields.pipe';

describe('NoFieldsPipe', () => {
  const pipe = new NoFieldsPipe();

  it('takes nothing, or an empty object', () => {
    expect(pipe.transform(undefined)).toBeUndefined();
    expect(pipe.transform({})).toBeUndefined();
  });

  it('refuses any field as a validation failure', () => {
    expect(() => pipe.transform({ force: true })).toThrow(ZodValidationException);
  });
});
