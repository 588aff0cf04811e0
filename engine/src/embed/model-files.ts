// The files of an exported bge-m3 model directory. Apart from the ONNX embedder so that choosing an
// embedder does not load onnxruntime (the API on AWS Lambda ships without it).
export const MODEL_FILE = 'model.onnx'
export const MODEL_DATA_FILE = 'model.onnx_data'
export const TOKENIZER_FILE = 'tokenizer.json'
