/**
 * A short chat about the seed post ("When the benchmark is the safety case"): a reader asks
 * questions, a bot answers. Turn b4 repeats b2 word for word (a bot re-sending an answer), so the
 * panel folds it into b2.
 */
export const TURNS = [
  {
    id: 'u1',
    role: 'user',
    text: 'Is the post fair to the labs? Summarise what it claims about responsible scaling policies.',
    createdAt: '2025-05-12T09:00:00Z',
  },
  {
    id: 'b1',
    role: 'bot',
    text:
      'The post argues that a responsible scaling policy whose threshold is measured by a benchmark the lab designed ' +
      'is not a commitment. The model card is written by the people who built the model and want to ship it, ' +
      'so the loop never leaves the building.',
    createdAt: '2025-05-12T09:00:04Z',
  },
  {
    id: 'u2',
    role: 'user',
    text: 'Play devil\'s advocate: what is the best objection?',
    createdAt: '2025-05-12T09:01:10Z',
  },
  {
    id: 'b2',
    role: 'bot',
    text:
      'I disagree that a commitment you can grade yourself is only a prior. Some labs publish their evaluations and ' +
      'invite external auditors to rerun them, and a public threshold is evidence that can be checked later, because ' +
      'a lab that ships past its own documented threshold pays a reputational cost.',
    createdAt: '2025-05-12T09:01:15Z',
  },
  {
    id: 'b3',
    role: 'bot',
    text:
      'That objection has a limit the post anticipates: the external auditor is reviewing the model card, not the ' +
      'training run, and nobody outside the lab has seen the weights. So the document creates a record, which is ' +
      'better than no document, but it is not independent measurement.',
    createdAt: '2025-05-12T09:01:40Z',
  },
  {
    id: 'b4',
    role: 'bot',
    text:
      'I disagree that a commitment you can grade yourself is only a prior. Some labs publish their evaluations and ' +
      'invite external auditors to rerun them, and a public threshold is evidence that can be checked later, because ' +
      'a lab that ships past its own documented threshold pays a reputational cost.',
    createdAt: '2025-05-12T09:02:02Z',
  },
  {
    id: 'u3',
    role: 'user',
    text: 'Thanks <b>bot</b>, that helps.',
    createdAt: '2025-05-12T09:03:00Z',
  },
];
