import './inspector.css';

export { Inspector } from './inspector.tsx';
export { SchemaForm } from './schema-form.tsx';
