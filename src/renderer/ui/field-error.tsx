/** The engine's (or the form's) message under the field it is about. */
export function FieldErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert" data-testid="field-error">
      {message}
    </p>
  );
}
