/** Console host parsing lives in src/shared/aws/console-host.ts: the background needs it too. */
export * from '../../../shared/aws/console-host';
