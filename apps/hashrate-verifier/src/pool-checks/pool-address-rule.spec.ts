import { isForbiddenPoolAddress } from './pool-address-rule';

describe('isForbiddenPoolAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.254', 'private 172.16/12'],
    ['192.168.1.10', 'private 192.168/16'],
    ['169.254.169.254', 'link-local, where cloud metadata answers'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::1', 'IPv6 loopback'],
    ['fc00::1', 'unique local fc00::/7'],
    ['fd12:3456:789a::1', 'unique local fc00::/7'],
    ['fe80::1', 'IPv6 link-local fe80::/10'],
    ['febf::1', 'IPv6 link-local fe80::/10'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['pool.example.com', 'not an address at all'],
  ])('refuses %s (%s)', (address) => {
    expect(isForbiddenPoolAddress(address)).toBe(true);
  });

  it.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['172.32.0.1'],
    ['100.128.0.1'],
    ['2001:4860::8888'],
    ['2001:4860:4860::8888'],
    ['::ffff:8.8.8.8'],
  ])('allows the public address %s', (address) => {
    expect(isForbiddenPoolAddress(address)).toBe(false);
  });
});
