// The doctor: reads a profile's real configuration and explains what is wrong, with the fix.
export { runDoctor, type DoctorDeps } from './run-doctor.js';
export { formatDoctorReport } from './format-doctor-report.js';
export {
  checkBucketPolicyForDistribution,
  checkDownloadNames,
  checkOriginAccess,
  checkSignedLinksRequired,
  checkSigningKey,
  checkUploads,
  checkViewerProtocol,
} from './cloudfront-checks.js';
export {
  DOCTOR_CHECK_TITLES,
  type DoctorCheck,
  type DoctorCheckId,
  type DoctorOptions,
  type DoctorReport,
} from './doctor-types.js';
