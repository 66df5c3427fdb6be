// The standard questionnaires (PHQ-9: Kroenke, Spitzer, Williams 2001; GAD-7: Spitzer et al. 2006) and the
// form's vocabularies (CONTRACT.md section 4, CLINICAL-RULES.md condition codes).
'use strict';

window.HousecallForms = (() => {
  const CHOICES = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
  const PHQ9 = [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or '
      + 'restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead, or of hurting yourself in some way',
  ];
  const GAD7 = [
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid, as if something awful might happen',
  ];
  const YES_NO = [
    ['alcoholUseDisorder', 'Have you been diagnosed with an alcohol use disorder?'],
    ['substanceUseDisorder', 'Have you been diagnosed with another substance use disorder?'],
    ['pregnant', 'Are you pregnant?'],
    ['breastfeeding', 'Are you breastfeeding?'],
    ['inPersonEvaluationCompleted', 'Has a prescriber seen you in person about this treatment?'],
  ];
  const CONDITIONS = {
    PSYCHOSIS_HISTORY: 'Psychosis in the past', SCHIZOPHRENIA: 'Schizophrenia', CURRENT_MANIA: 'Mania now',
    KETAMINE_MISUSE_HISTORY: 'Misuse of ketamine in the past', UNCONTROLLED_HYPERTENSION: 'Uncontrolled high blood pressure',
    INTRACRANIAL_PRESSURE: 'Raised pressure in the skull', ANEURYSM_OR_AVM: 'Aneurysm or AVM',
    INTRACEREBRAL_HEMORRHAGE: 'Bleeding in the brain', KETAMINE_ALLERGY: 'Allergy to ketamine',
    CARDIOVASCULAR_DISEASE: 'Heart or blood vessel disease', ARRHYTHMIA: 'Irregular heartbeat',
    HYPERTHYROIDISM: 'Overactive thyroid', GLAUCOMA: 'Glaucoma', LIVER_DISEASE: 'Liver disease',
    BLADDER_DISEASE: 'Bladder disease',
  };
  const STATES = ('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY '
    + 'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY').split(' ');
  const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
    'America/Anchorage', 'Pacific/Honolulu', 'America/Detroit', 'America/Indiana/Indianapolis', 'America/Boise',
    'America/Kentucky/Louisville'];
  const STATUS_WORDS = {
    REQUESTED: 'We received your request.',
    SCREENING: 'We are checking your answers.',
    IN_REVIEW: 'A clinician is reviewing your request and will contact you within 1 business day.',
    SAFETY_HOLD: 'A clinician will call you. Your visits are paused for now. If you are in danger call 911; call or '
      + 'text 988 any time.',
    SCHEDULING: 'You can be treated at home. We are finding a nurse for your first visit.',
    CONFIRMED: 'Your course is booked: your visits are below.',
    UNFULFILLED: 'No nurse could take the times you chose. Please choose other times.',
    INELIGIBLE: 'At-home treatment can\'t be offered based on your answers. Please talk to your doctor.',
    CANCELLED: 'This consultation was cancelled.',
    COMPLETED: 'Your course is complete.',
  };
  // the status as a short badge beside those words
  const STATUS_LABELS = { REQUESTED: 'Received', SCREENING: 'Checking your answers', IN_REVIEW: 'With a clinician',
    SAFETY_HOLD: 'Paused', SCHEDULING: 'Finding a nurse', CONFIRMED: 'Booked', UNFULFILLED: 'Needs other times',
    INELIGIBLE: 'Not offered', CANCELLED: 'Cancelled', COMPLETED: 'Complete' };
  // a clinician's decline (the texts of the decline messages, DECISIONS 10), after a crisis with 988 again
  const DECLINED = 'A clinician reviewed your request carefully. We are sorry: we can\'t offer treatment at home. '
    + 'Please talk to your doctor about other options.';
  const DECLINED_AFTER_CRISIS = `${DECLINED} If you are in danger, call 911. You can call or text 988 any time, day `
    + 'or night.';

  /** One fieldset per question, its four answers as radio buttons (arrow keys move between them). */
  function questions(container, prefix, texts) {
    const { el } = window.HousecallUi;
    texts.forEach((text, index) => {
      const choices = el('div', { className: 'choices' });
      CHOICES.forEach((label, value) => {
        const input = el('input', { type: 'radio', name: `${prefix}-${index}`, value: String(value), required: true });
        choices.append(el('label', { className: 'inline' }, input, ` ${label}`));
      });
      container.append(el('fieldset', { className: 'question' },
        el('legend', { textContent: `${index + 1}. ${text}` }), choices));
    });
  }

  /** The answers as integers, or null for an unanswered question. */
  function answers(container, prefix, count) {
    return Array.from({ length: count }, (_, index) => {
      const checked = container.querySelector(`input[name="${prefix}-${index}"]:checked`);
      return checked ? Number(checked.value) : null;
    });
  }

  return { PHQ9, GAD7, YES_NO, CONDITIONS, STATES, ZONES, STATUS_WORDS, STATUS_LABELS, DECLINED, DECLINED_AFTER_CRISIS,
    questions, answers };
})();
