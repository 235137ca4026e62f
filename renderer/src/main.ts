import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { captureToken } from './transport';
import './styles/theme.css';

// Before the router looks at the URL, so that the token never stays visible.
captureToken();

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app');
