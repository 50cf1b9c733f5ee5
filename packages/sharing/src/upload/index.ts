// Uploads with progress, cancel and no accidental overwrite.
export { collectFiles, type CollectedFile, type CollectedFiles } from './collect-files.js';
export { uploadFile, type LeftoverUpload, type UploadFileOptions, type UploadedObject } from './upload-file.js';
export { createS3Client } from './create-s3-client.js';
export { alternativeKey, planObjectKey, type PlanObjectKeyInput } from './plan-object-key.js';
export { ProgressMeter } from './progress-meter.js';
export { choosePartSize, DEFAULT_PART_SIZE, DEFAULT_QUEUE_SIZE, MAX_PARTS, MIN_PART_SIZE } from './part-size.js';
