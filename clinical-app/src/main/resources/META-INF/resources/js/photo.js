// Photos for face login and enrolment: the phone's camera through a file input
// (capture=user opens the front camera on iOS), scaled down to keep the request small
// (the API refuses bodies over 1 MiB), sent as base64 JPEG. The server finds and crops the face.
import {h} from './dom.js';

const MAX_SIDE = 960;

/** A hidden camera input and a function that opens it and resolves with base64 or null. */
export function cameraInput(id) {
  const input = h('input', {type: 'file', accept: 'image/*', capture: 'user', id, class: 'photo-input',
    tabindex: '-1', 'aria-hidden': 'true'});
  const take = () => new Promise(resolve => {
    input.value = '';
    input.onchange = async () => resolve(input.files[0] ? await toBase64Jpeg(input.files[0]) : null);
    input.click();
  });
  return {input, take};
}

export async function toBase64Jpeg(file) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise(r => canvas.toBlob(r, 'image/jpeg', 0.85));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** pt-BR for the face endpoints' answers (no face, two faces, not recognised…). */
export function faceMessage(status, problem) {
  const text = `${problem?.title || ''} ${problem?.detail || ''}`.toLowerCase();
  if (status === 401) return 'Rosto não reconhecido. Entre com a senha.';
  if (status === 422 || status === 400) {
    if (/no face|not find a face|zero faces|nenhum rosto/.test(text)) return 'Nenhum rosto encontrado na foto. Tire outra, de frente e com boa luz.';
    if (/more than one|two faces|several faces|multiple faces|mais de um/.test(text)) return 'Há mais de um rosto na foto. Tire uma foto só sua.';
    return 'A foto não pôde ser usada. Tire outra, de frente e com boa luz.';
  }
  if (status === 413) return 'A foto é grande demais. Tente de novo.';
  if (status === 404) return 'Entrada pelo rosto indisponível neste servidor. Use a senha.';
  if (status === 429) return 'Muitas tentativas. Aguarde alguns minutos ou use a senha.';
  if (status === 503) return 'O reconhecimento de rosto está desligado agora. Use a senha.';
  return 'Não foi possível entrar pelo rosto. Use a senha.';
}
