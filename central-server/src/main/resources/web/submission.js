// One submission, one record (docs/decisions/0019-one-submission-one-record.md). A form's submission carries an
// Idempotency-Key, made once and sent again with every retry of the unchanged form: when a weak signal loses the
// answer after the server has filed the case, taken the ticket or booked the hour, sending again gets that record
// back instead of a second one. Any change to the form, or an answer from the server, starts a new key.
// The key comes from crypto.getRandomValues: randomUUID needs https, and these pages may be served on plain http.
function submissionKeys(form) {
  let key = null;
  const forget = () => { key = null; };
  form.addEventListener('input', forget);
  form.addEventListener('change', forget);
  return {
    key() {
      if (!key) {
        key = 'web-' + Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
      }
      return key;
    },
    // The server answered (its record, or a refusal that stored nothing): the next submission is a new one. A 502-504
    // comes from a proxy that may have lost the server's answer, so the key stays for the retry, as after no answer.
    answered(status) {
      if (![502, 503, 504].includes(status)) { forget(); }
    },
  };
}
