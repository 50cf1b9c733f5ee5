// Uploads with progress, cancel and no accidental overwrite.
export { collectFiles, type CollectedFile } from './collect-files.js';
export { uploadFile, type UploadFileOptions } from './upload-file.js';
export { createS3Client } from './create-s3-client.js';
export { choosePartSize, MAX_PARTS, MIN_PART_SIZE } from './part-size.js';
