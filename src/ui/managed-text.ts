/** What the UI says next to a control that an administrator's policy locks. */
export const SET_BY_ORGANISATION = 'Set by your organisation';
