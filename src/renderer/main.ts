import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createUiI18n } from './i18n';
import { usePreferencesStore } from './stores/preferences';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const preferences = usePreferencesStore(pinia);
app.use(createUiI18n(preferences.language));
app.mount('#app');
