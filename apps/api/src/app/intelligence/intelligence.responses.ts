import type { AttachmentView } from '@customs/persistence';

/** `POST /api/intelligence/{id}/attachments`: the stored attachment and whether this upload stored it. */
export interface AttachmentUpload {
  /** True (201) when this upload stored the file; false (200) when the same bytes were already attached to the report. */
  created: boolean;
  attachment: AttachmentView;
}

/** `GET /api/intelligence/{id}/attachments`: a report's attachments, oldest first, without their bytes. */
export interface AttachmentList {
  attachments: AttachmentView[];
}
