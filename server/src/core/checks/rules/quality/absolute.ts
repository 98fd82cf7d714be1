import { termRule } from '../../termRule';

export const absolute = termRule(
  {
    code: 'quality.absolute',
    defaultSeverity: 'hint',
    summary: 'An absolute (always, never, 100%) that may not be meant literally.',
    description:
      'Always, never and 100% promise something without exception, which is rarely meant and can never be fully ' +
      'tested (INCOSE R26), so each is a hint to check for hidden exceptions. "all" and "every" are not in the ' +
      'default list because they are usually meant literally ("SHALL list all saved drafts"); add them with ' +
      '`terms: { "quality.absolute": ["all", "every"] }` for a stricter review.',
    bad: '1. THE Sync_Service SHALL always keep devices in sync',
    good: '1. WHEN a device reconnects, THE Sync_Service SHALL apply the changes made while it was offline within 10 s',
  },
  { message: (m) => `'${m.text}' admits no exception: is that meant, and can it be tested?` },
);
