import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** A labelled input: the label names it for screen readers and for tests (getByLabel('用户名')). */
export function TextField(props: { label: string; error?: string | null; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const { label, error, hint, ...input } = props;
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {hint && <small>{hint}</small>}
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}

export function TextArea(props: { label: string; error?: string | null } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { label, error, ...area } = props;
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} {...area} />
      {error && <small className="error">{error}</small>}
    </div>
  );
}

export function SelectField(props: { label: string; options: { value: string; label: string }[]; error?: string | null } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { label, options, error, ...select } = props;
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && <small className="error">{error}</small>}
    </div>
  );
}
