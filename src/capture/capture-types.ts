// The capture's types are the core's (src/core/capture/page-capturer.ts): the jobs drive a capturer through them.
export * from '../core/capture/page-capturer.ts';
