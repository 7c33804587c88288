// Server answers (RFC 9457 problem+json) turned into one pt-BR sentence. Raw problem bodies and
// stack traces are never shown.
const BY_TITLE = {
  'Unsupported audio': 'A gravação não está no formato WAV aceito. Grave de novo pelo aplicativo.',
  'Recording too long': 'A gravação é longa demais. Grave trechos menores.',
  'Model unavailable': 'Este recurso de IA está desligado neste servidor agora. O resto do prontuário funciona.',
  'Model busy': 'O servidor está ocupado com outros pedidos. Tente de novo em instantes.',
  'Model timed out': 'O servidor demorou demais para responder. Tente de novo.',
  'Idempotency-Key reused': 'Este envio já foi usado para outro registro. Escreva de novo.',
  'Not available in emergency mode': 'Não disponível no modo de emergência.',
  'Emergency mode not active': 'A nuvem de emergência ainda está sendo ativada; o aplicativo tenta de novo sozinho.',
};

const BY_STATUS = {
  400: 'Os dados enviados não foram aceitos. Confira os campos e tente de novo.',
  401: 'Sua sessão terminou. Entre de novo.',
  403: 'Seu perfil não tem permissão para isto.',
  404: 'Não encontrado. Pode ter sido removido ou não existe neste servidor.',
  409: 'Já existe um registro com estes dados.',
  412: 'Outra pessoa alterou este registro enquanto você editava.',
  413: 'O arquivo enviado é grande demais.',
  415: 'Formato de arquivo não aceito.',
  422: 'Não foi possível processar o envio.',
  428: 'Falta a versão do registro. Abra o registro de novo antes de corrigir.',
  429: 'Muitas tentativas. Aguarde alguns minutos e tente de novo.',
  500: 'Erro inesperado no servidor. Tente de novo; se repetir, avise a TI.',
  502: 'Servidor indisponível. Tentando de novo…',
  503: 'Servidor indisponível no momento. Tentando de novo…',
  504: 'O servidor não respondeu a tempo. Tentando de novo…',
};

/** The pt-BR message for a failed answer; context adds the screen's own cases. */
export function problemMessage(status, problem, context = {}) {
  if (context[status]) return context[status];
  const title = problem && typeof problem.title === 'string' ? problem.title : '';
  if (BY_TITLE[title]) return BY_TITLE[title];
  return BY_STATUS[status] || `Não foi possível concluir (código ${status}).`;
}

export const NETWORK_MESSAGE = 'Sem conexão com o servidor. Confira o Wi-Fi; o aplicativo tenta de novo sozinho.';

export const NOTE_TYPES = {
  'evolucao': 'Evolução',
  'anamnese': 'Anamnese',
  'exame-fisico': 'Exame físico',
  'enfermagem': 'Enfermagem',
  'prescricao': 'Prescrição',
  'sumario-alta': 'Sumário de alta',
};

export const VITAL_TYPES = {
  'heart-rate': ['Frequência cardíaca', 'bpm'],
  'respiratory-rate': ['Frequência respiratória', 'irpm'],
  'systolic-pressure': ['Pressão sistólica', 'mmHg'],
  'diastolic-pressure': ['Pressão diastólica', 'mmHg'],
  'temperature': ['Temperatura', '°C'],
  'oxygen-saturation': ['Saturação de O₂', '%'],
  'glucose': ['Glicemia', 'mg/dL'],
  'pain-score': ['Dor (0 a 10)', ''],
};

export const SEVERITY = {mild: 'leve', moderate: 'moderada', severe: 'GRAVE'};
export const SEX = {female: 'feminino', male: 'masculino', intersex: 'intersexo', unknown: 'não informado'};
export const ROLES = {physician: 'Médico(a)', nurse: 'Enfermagem', admin: 'Recepção', auditor: 'Auditoria', 'it-ops': 'TI'};
