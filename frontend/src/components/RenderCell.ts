import { defineComponent, type PropType, type VNodeChild } from 'vue'

/** RenderCell draws what a column's render function returns (a tag, a button, text). */
export default defineComponent({
  name: 'RenderCell',
  props: { node: { type: Function as PropType<() => VNodeChild>, required: true } },
  setup(props) {
    return () => props.node() as never
  },
})
