// Hash history: the host serves one index.html, and `?token=` stays in the real query.
import { createRouter, createWebHashHistory } from 'vue-router';
import LabView from './views/LabView.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [{ path: '/', name: 'lab', component: LabView }],
});
