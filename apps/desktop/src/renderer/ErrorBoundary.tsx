import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * A render error in one view must not blank the window: the view is replaced by a message and a
 * way back, and the rest of the app (the share queue, the tabs) keeps working.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Signet window: a view failed to render', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: unknown }): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="card error-boundary" role="alert" data-testid="view-crashed">
        <h2>This part of the window stopped working</h2>
        <p>
          Uploads that are running go on, and your links are safe. Try again, or switch to another tab. If it keeps
          happening, please report: <code>{this.state.error.message}</code>
        </p>
        <button type="button" className="primary" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
