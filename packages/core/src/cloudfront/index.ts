// CloudFront signed URLs and cookies (canned and custom policies), RSA-2048 / ECDSA P-256.
export { parseCloudFrontPrivateKey, describeCloudFrontKey, type CloudFrontPrivateKey } from './parse-private-key.js';
export { cloudFrontPublicKeyPem, samePublicKey } from './public-key-pem.js';
export {
  createCloudFrontSigner,
  signCloudFrontCookies,
  signCloudFrontUrl,
  type CloudFrontSignRequest,
  type CloudFrontSigner,
  type CloudFrontSignerConfig,
  type SignedCookies,
} from './create-cloudfront-signer.js';
export { formatCookieHeader, formatSetCookieLines, type SetCookieOptions } from './format-cookies.js';
export { CLOUDFRONT_MAX_URL_BYTES, encodeCloudFrontUrl } from './encode-url.js';
export { buildCannedPolicy, buildCustomPolicy, parseSourceIp } from './policy.js';
