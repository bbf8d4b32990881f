import { ruleTester, step } from './rule-tester.js';

ruleTester('unknown-target', {
  valid: [{ name: 'every target exists', steps: { a: step('contact', ['b']), b: step('outcome') } }],
  invalid: [
    {
      name: 'a misspelt target gets a did-you-mean hint',
      steps: { intake: step('contact', ['klaarr']), klaar: step('outcome') },
      findings: [{ pointer: '/steps/intake/transitions/0/to', params: { from: 'intake', to: 'klaarr', suggestion: 'Did you mean "klaar"?' } }],
    },
    {
      name: 'an unrelated target lists the known steps',
      steps: { a: step('contact', ['b', 'zzzzzzzz']), b: step('outcome') },
      findings: [{ pointer: '/steps/a/transitions/1/to', params: { to: 'zzzzzzzz', suggestion: 'Known: "a", "b".' } }],
    },
  ],
});
