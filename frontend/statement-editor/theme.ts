/* How the statement editor looks: CodeMirror's theme, and the style sheet of the element's shadow root. */
import { EditorView } from '@codemirror/view';

export const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--lumo-body-text-color, #1f2937)',
    backgroundColor: 'var(--lumo-base-color, #fff)',
    border: '1px solid var(--lumo-contrast-30pct, #9ca3af)',
    borderRadius: 'var(--lumo-border-radius-m, 6px)',
    fontSize: 'var(--lumo-font-size-m, 1rem)',
    minHeight: '14em',
  },
  '&.cm-focused': { outline: '2px solid var(--lumo-primary-color-50pct, #2563eb80)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--lumo-font-family, system-ui, sans-serif)', lineHeight: '1.6' },
  '.cm-content': { padding: '0.75em 0.5em', caretColor: 'var(--lumo-body-text-color, #111)', minHeight: '14em' },
  '.cm-cursor': { borderLeftColor: 'var(--lumo-body-text-color, #111)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--lumo-primary-color-10pct, #2563eb33)',
  },
  '.cm-remote-caret': {
    position: 'relative',
    borderLeft: '2px solid var(--peer-colour)',
    marginLeft: '-1px',
    marginRight: '-1px',
  },
  '.cm-remote-caret-label': {
    position: 'absolute',
    bottom: '1.2em',
    left: '-2px',
    whiteSpace: 'nowrap',
    fontSize: '0.72em',
    lineHeight: '1.3',
    padding: '0 0.35em',
    borderRadius: '0.3em 0.3em 0.3em 0',
    color: '#fff',
    backgroundColor: 'var(--peer-colour)',
    pointerEvents: 'none',
    zIndex: '5',
  },
  '.cm-remote-selection': {
    backgroundColor: 'color-mix(in srgb, var(--peer-colour) 22%, transparent)',
  },
  '.cm-comment-mark': {
    backgroundColor: 'color-mix(in srgb, var(--mark-colour) 16%, transparent)',
    textDecorationLine: 'underline',
    textDecorationColor: 'var(--mark-colour)',
    textDecorationThickness: '2px',
    textUnderlineOffset: '0.2em',
  },
  '.cm-suggest-old': {
    textDecorationLine: 'line-through',
    textDecorationColor: 'var(--mark-colour)',
    textDecorationThickness: '2px',
  },
  '.cm-suggest-outdated': {
    outline: '2px dashed var(--mark-colour)',
    outlineOffset: '1px',
    borderRadius: '2px',
  },
  '.cm-suggest-new': {
    backgroundColor: 'color-mix(in srgb, var(--mark-colour) 16%, transparent)',
    borderBottom: '2px solid var(--mark-colour)',
    borderRadius: '2px',
    marginLeft: '0.2em',
    padding: '0 0.1em',
  },
  '.cm-authored': {
    backgroundColor: 'color-mix(in srgb, var(--author-colour) 24%, transparent)',
    boxShadow: 'inset 0 -2px 0 var(--author-colour)',
  },
});

export const shadowStyles = `
  :host { display: block; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1em; margin-bottom: 0.5em;
         font-size: var(--lumo-font-size-s, 0.875rem); color: var(--lumo-secondary-text-color, #4b5563); }
  .status { display: inline-flex; align-items: center; gap: 0.4em; font-weight: 600; }
  .status::before { content: ''; width: 0.7em; height: 0.7em; border-radius: 50%; background: #9ca3af; }
  .status[data-status=connected]::before { background: var(--lumo-success-color, #15803d); }
  .status[data-status=reconnecting]::before, .status[data-status=connecting]::before { background: #b45309; }
  .status[data-status=offline]::before { background: var(--lumo-error-color, #b91c1c); }
  .peers { display: flex; flex-wrap: wrap; gap: 0.35em; align-items: center; list-style: none; margin: 0; padding: 0; }
  .peer { display: inline-flex; align-items: center; gap: 0.3em; padding: 0.05em 0.5em; border-radius: 1em;
          border: 1px solid var(--peer-colour); color: var(--lumo-body-text-color, #111); }
  .peer::before { content: ''; width: 0.6em; height: 0.6em; border-radius: 50%; background: var(--peer-colour); }
  .readonly { font-style: italic; }
  .pending { margin-left: auto; }
  .unsaved { border: 2px solid var(--lumo-error-color, #b91c1c); border-radius: var(--lumo-border-radius-m, 6px);
             padding: 0.75em; margin-bottom: 0.75em; background: var(--lumo-error-color-10pct, #fee2e2);
             color: var(--lumo-body-text-color, #111); }
  .unsaved p { margin: 0 0 0.5em; }
  .unsaved textarea { width: 100%; box-sizing: border-box; min-height: 5em; font: inherit; }
  .unsaved .actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin-top: 0.5em; }
  .unsaved button { font: inherit; padding: 0.35em 0.9em; border-radius: var(--lumo-border-radius-m, 6px);
                    border: 1px solid var(--lumo-contrast-50pct, #6b7280); background: var(--lumo-base-color, #fff);
                    color: var(--lumo-body-text-color, #111); cursor: pointer; }
  .selection-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; margin-top: 0.5em;
                       font-size: var(--lumo-font-size-s, 0.875rem); color: var(--lumo-secondary-text-color, #4b5563); }
  .selection-actions button { font: inherit; min-height: 2.25em; padding: 0.3em 0.9em; cursor: pointer;
                              border-radius: var(--lumo-border-radius-m, 6px); border: 1px solid var(--lumo-contrast-50pct, #6b7280);
                              background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #111); }
  .selection-actions button:focus-visible { outline: 2px solid var(--lumo-primary-color, #1d4ed8); outline-offset: 2px; }
  .selection-actions button:disabled { cursor: default; border-style: dashed; }
  .notice { margin: 0 0 0.5em; color: var(--lumo-error-text-color, #b91c1c); font-size: var(--lumo-font-size-s, 0.875rem); }
  [hidden] { display: none !important; }
`;
