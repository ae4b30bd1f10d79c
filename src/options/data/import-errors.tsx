import type { ImportError } from '../../shared/settings/import-file';

/** Every problem of a refused file with where it is: a JSON path, or the line and column of a syntax error. */
export function ImportErrors({ errors }: { errors: readonly ImportError[] }) {
  return (
    <div role="alert" class="import-errors">
      <p>
        <strong>Nothing was imported.</strong>{' '}
        {errors.length === 1 ? 'The file has a problem:' : `The file has ${errors.length} problems:`}
      </p>
      <ul>
        {errors.map((error) => (
          <li key={`${error.path}:${error.message}`}>
            {error.path === '(file)' ? (
              `The file ${error.message}`
            ) : (
              <>
                <code>{error.path}</code>: {error.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
