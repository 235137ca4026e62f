/// <reference types="vite/client" />

interface Window {
  /** Test hook for the end-to-end tests: the active terminal's text, one line per row. */
  __kubelabTerminalText?: () => string;
}
