import { apiKeyFromHeaders } from './api-key.strategy';

describe('API key headers', () => {
  it('reads Authorization: ApiKey <key>, case-insensitively', () => {
    expect(apiKeyFromHeaders({ authorization: 'ApiKey hpk_abc' })).toBe('hpk_abc');
    expect(apiKeyFromHeaders({ authorization: 'apikey   hpk_abc ' })).toBe('hpk_abc');
  });

  it('reads x-api-key', () => {
    expect(apiKeyFromHeaders({ 'x-api-key': 'hpk_abc' })).toBe('hpk_abc');
  });

  it('ignores bearer tokens and empty values', () => {
    expect(apiKeyFromHeaders({ authorization: 'Bearer eyJ' })).toBeUndefined();
    expect(apiKeyFromHeaders({ 'x-api-key': '' })).toBeUndefined();
    expect(apiKeyFromHeaders({})).toBeUndefined();
  });
});
