import {
  Component,
  Suspense,
  use,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from 'react';

/** A part's code could not be fetched or evaluated (offline, a redeployed site, a bad proxy). */
export class PartLoadError extends Error {
  constructor(
    cause: unknown,
    /** Forgets the failure, so the part's next render asks for its code again. */
    readonly retry: () => void,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PartLoadError';
  }
}

export interface LazyPart<P extends object> {
  /** Suspends until the code is in; throws a `PartLoadError` if it cannot be loaded. */
  Component: ComponentType<P>;
  /** Starts loading ahead of need (e.g. when the pointer nears the button); never rejects. */
  preload(): void;
}

/**
 * A component whose code is loaded with `import()` on first render (or `preload`), so the
 * first screen does not wait for it. Unlike `React.lazy`, a failure can be retried: the
 * rejected load stays put (React's `use` must see the same promise again to throw its error)
 * until `LoadBoundary` calls the error's `retry`; a failed `preload` nobody rendered yet is
 * simply forgotten.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  let rendered = false;
  const forget = () => {
    pending = null;
    rendered = false;
  };
  const request = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        throw new PartLoadError(error, forget);
      },
    ));
  function Part(props: P) {
    rendered = true;
    const Loaded = loaded ?? use(request());
    return <Loaded {...props} />;
  }
  return {
    Component: Part,
    preload: () =>
      void request().catch(() => {
        if (!rendered) forget();
      }),
  };
}

interface BoundaryProps {
  /** What is loading, in words that finish "… could not be loaded", e.g. "The charts". */
  what: string;
  /** Shown while the code loads: it should keep the part's place, so nothing jumps. */
  fallback: ReactNode;
  /** Report a failure elsewhere (a banner) and render nothing, instead of a message in place. */
  onFailed?: (message: string) => void;
  children: ReactNode;
}

/** The sentence shown (or reported) when a part's code could not be loaded. */
export function loadFailedMessage(what: string, error: Error): string {
  return `${what} could not be loaded (${error.message}). Check the connection and try again.`;
}

/**
 * Suspense for lazily loaded parts, plus what to do when their code cannot be loaded: a
 * message with "Try again" in the part's place, or `onFailed` (whose caller then unmounts the
 * boundary, e.g. closes the dialog). Any other error passes on to the boundary above.
 */
export class LoadBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    if (!(error instanceof PartLoadError) || !this.props.onFailed) return;
    // The part is not mounted now (this renders nothing): the next opening tries again.
    error.retry();
    this.props.onFailed(loadFailedMessage(this.props.what, error));
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error !== null && !(error instanceof PartLoadError)) throw error;
    if (error && this.props.onFailed) return null;
    if (error) {
      return (
        <div className="load-failed" role="alert" data-testid="load-failed">
          <span>{loadFailedMessage(this.props.what, error)}</span>
          <button
            type="button"
            className="btn"
            onClick={() => {
              error.retry();
              this.setState({ error: null });
            }}
            data-testid="load-retry"
          >
            Try again
          </button>
        </div>
      );
    }
    return <Suspense fallback={this.props.fallback}>{this.props.children}</Suspense>;
  }
}
