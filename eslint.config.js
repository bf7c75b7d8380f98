import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config({ ignores: ['dist/', 'node_modules/', 'coverage/'] }, js.configs.recommended, ...tseslint.configs.strict, {
  languageOptions: { globals: globals.node },
  rules: {
    '@typescript-eslint/no-non-null-assertion': 'off',
  },
});
