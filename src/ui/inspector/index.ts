import './inspector.css';

export { Inspector } from './inspector.tsx';
