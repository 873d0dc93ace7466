export { acceptConsents, addChild } from '../../../test/support/children'
