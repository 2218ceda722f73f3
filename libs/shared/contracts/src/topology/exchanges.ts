/** Topic exchange carrying every ITSM domain event; routing key = event type. Outside subscribers bind here. */
export const ITSM_EVENTS_EXCHANGE = 'itsm.events';
/** Direct exchange for commands addressed to one service's work queue; routing key = command type. */
export const ITSM_COMMANDS_EXCHANGE = 'itsm.commands';
