import type { ArgTypesEnhancer } from 'storybook/internal/types'

interface DocgenProps {
  __docgenInfo?: { props?: Record<string, { tags?: { defaultValue?: string } }> }
}

/**
 * Our JSDoc writes defaults the TSDoc way (`@defaultValue`), which
 * react-docgen-typescript keeps as a tag but does not read as the default (it
 * reads `@default`). This puts them in the props table's Default column.
 */
export const tsdocDefaults: ArgTypesEnhancer = (context) => {
  // oxlint-disable-next-line no-underscore-dangle -- the property name is Storybook's
  const props = (context.component as DocgenProps | undefined)?.__docgenInfo?.props ?? {}
  const argTypes = { ...context.argTypes }
  for (const [name, argType] of Object.entries(argTypes)) {
    const value = props[name]?.tags?.defaultValue
    if (value && !argType.table?.defaultValue) {
      argTypes[name] = { ...argType, table: { ...argType.table, defaultValue: { summary: value.replace(/^`|`$/g, '') } } }
    }
  }
  return argTypes
}
