import 'vuetify/styles'
import '@mdi/font/css/materialdesignicons.css'
import { createVuetify } from 'vuetify'
import { no } from 'vuetify/locale'

/** Colours chosen for WCAG AA contrast on white; the person banner is NIR's green. */
export const vuetify = createVuetify({
  locale: { locale: 'no', messages: { no } },
  theme: {
    defaultTheme: 'nir',
    themes: {
      nir: {
        dark: false,
        colors: {
          primary: '#1a4b8c',
          secondary: '#37474f',
          banner: '#1b5e20',
          error: '#b00020',
          warning: '#8a5300',
          success: '#1b5e20',
          info: '#0d47a1',
        },
      },
    },
  },
  defaults: {
    VTextField: { variant: 'outlined', density: 'comfortable' },
    VBtn: { variant: 'flat' },
  },
})
