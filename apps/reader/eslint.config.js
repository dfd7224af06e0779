import { frontend } from '@newsroom/eslint-config';

export default frontend;
