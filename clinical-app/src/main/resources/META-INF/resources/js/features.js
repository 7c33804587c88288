// What emergency mode (cloud-fallback) does not offer, each with the one line shown instead.
// The cloud offers search, the emergency summary, alerts, new notes and a summary chat.
import {serviceMode} from './api.js';

const EMERGENCY_REASONS = {
  correct: 'Correção de notas indisponível no modo de emergência: escreva uma nota nova.',
  vitals: 'Sinais vitais só podem ser registrados quando o hospital reconectar.',
  allergy: 'Alergias só podem ser registradas quando o hospital reconectar.',
  dictation: 'Ditado por voz indisponível no modo de emergência (sem IA na nuvem).',
  face: 'Entrada pelo rosto indisponível no modo de emergência: use a senha.',
  history: 'O histórico de versões volta quando o hospital reconectar.',
  dischargeSummary: 'Sumário de alta indisponível no modo de emergência.',
};

/** null when the feature is available now, else the pt-BR reason it is not. */
export function unavailable(feature) {
  return serviceMode() === 'emergency' ? EMERGENCY_REASONS[feature] || null : null;
}
