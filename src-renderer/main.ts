/** The renderer's entry: one Vue app with Pinia; App.vue picks the host. */
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import './styles/theme.css';
import './styles/dialog.css';
import './styles/cache-table.css';

createApp(App).use(createPinia()).mount('#app');
