/**
 * The libraries that read and fill .docx files, in a module of their own so that they load with
 * the first document rather than with every cold start of a function (the status look-up and
 * the SLA sweep never need them).
 */
export { createReport, listCommands } from 'docx-templates';
export { default as JSZip } from 'jszip';
