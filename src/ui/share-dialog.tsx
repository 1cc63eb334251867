import { useEffect, useMemo, useRef, useState } from 'react';
import { encodeScenarioLink, LINK_LIMITS } from '../scenario/index.ts';
import { useStores } from '../store/index.ts';

/** Shows the scenario's link (seed and faults included) and copies it to the clipboard. */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const { app } = useStores();
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'manual'>('idle');
  const hash = useMemo(() => encodeScenarioLink(app.getState().scenario), [app]);
  const url = `${location.origin}${location.pathname}${location.search}#${hash}`;
  const tooLong = hash.length > LINK_LIMITS.maxEncodedChars;

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('manual'); // clipboard blocked: the link is selected for Ctrl+C instead
      document.querySelector<HTMLInputElement>('[data-testid="share-link"]')?.select();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      onClose={onClose}
      aria-labelledby="share-title"
      data-testid="share-dialog"
    >
      <h2 id="share-title">Share this scenario</h2>
      <p>
        The link holds the whole scenario — components, settings, faults and the seed — so whoever
        opens it sees the same run with the same numbers. Nothing is uploaded.
      </p>
      {tooLong && (
        <p className="dialog__warn" role="alert">
          This scenario is too large for a link ({Math.round(hash.length / 1024)} KB); use Export
          instead.
        </p>
      )}
      <input
        className="dialog__link"
        readOnly
        value={url}
        aria-label="Share link"
        data-testid="share-link"
        onFocus={(e) => e.target.select()}
      />
      <div className="dialog__actions">
        <span role="status" data-testid="share-status">
          {copied === 'copied'
            ? 'Link copied to the clipboard.'
            : copied === 'manual'
              ? 'Press Ctrl+C to copy the selected link.'
              : ''}
        </span>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void copy()}
          data-testid="copy-link"
        >
          Copy link
        </button>
        <button type="button" className="btn" onClick={onClose} data-testid="close-share">
          Close
        </button>
      </div>
    </dialog>
  );
}
