import { newsroomVitest } from '@newsroom/vitest-config';

export default newsroomVitest();
