/** The renderer's entry: one Vue app with Pinia and the message catalogue (i18n/); App.vue picks the host. */
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import './styles/theme.css';
import './styles/dialog.css';
import './styles/cache-table.css';
import './styles/guide-item-editor.css';

createApp(App).use(createPinia()).use(i18n).mount('#app');
