export { default } from '@newsroom/eslint-config';
