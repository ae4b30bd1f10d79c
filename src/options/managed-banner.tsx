import './banners.css';
import './locked.css';
import type { Managed } from './use-managed';

/** Says that an organisation manages some settings, and which parts of its policy were ignored and why. */
export function ManagedBanner({ managed }: { managed: Managed }) {
  const { view } = managed;
  if (view.locked.length === 0 && view.problems.length === 0) return null;
  return (
    <section class="banner managed-banner" aria-label="Managed by your organisation">
      <div>
        <p>
          Your organisation manages some of these settings: they are shown greyed out with “Set by your
          organisation” and cannot be changed here.
        </p>
        {view.problems.length > 0 && (
          <details>
            <summary>Parts of the policy were ignored ({view.problems.length})</summary>
            <ul>
              {view.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
