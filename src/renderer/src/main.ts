// First: configures zod before any module can parse with it.
import './plugins/zod'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n, savedLanguage } from './plugins/i18n'
import { vuetify } from './plugins/vuetify'
import { createAppRouter } from './router'
import './styles.css'

document.documentElement.lang = savedLanguage()
createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).use(vuetify).mount('#app')
