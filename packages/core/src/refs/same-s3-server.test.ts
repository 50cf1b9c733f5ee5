import { describe, expect, it } from 'vitest';
import { sameS3Server } from './same-s3-server.js';

describe('sameS3Server', () => {
  it('ignores case, default ports and trailing slashes', () => {
    expect(sameS3Server('HTTPS://Ceph.Example.org:443/', 'https://ceph.example.org')).toBe(true);
    expect(sameS3Server('http://127.0.0.1:7480', 'http://127.0.0.1:7480/')).toBe(true);
    expect(sameS3Server('https://gw.example/s3//', 'https://gw.example/s3')).toBe(true);
  });

  it('tells apart another port, scheme, host or base path', () => {
    expect(sameS3Server('http://127.0.0.1:7480', 'http://127.0.0.1:7481')).toBe(false);
    expect(sameS3Server('http://ceph.example', 'https://ceph.example')).toBe(false);
    expect(sameS3Server('http://localhost:7480', 'http://127.0.0.1:7480')).toBe(false);
    expect(sameS3Server('https://gw.example/s3', 'https://gw.example/other')).toBe(false);
  });
});
